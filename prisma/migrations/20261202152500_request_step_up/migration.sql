-- AlterTable
ALTER TABLE "ConnectionRequest" ADD COLUMN "stepUpClaims" TEXT;
