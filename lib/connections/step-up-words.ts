/**
 * What people read while a request waits for them to confirm their sign-in (step-up: Azure asked
 * for a second factor before it makes a change with their token).
 */
export const STEP_UP_WORDS = {
  waitingProgress: "Waiting for you to confirm your sign-in with a second factor.",
  creationNote: "Azure asks you to confirm your sign-in with a second factor before it creates the private endpoint. Nothing was created yet.",
  withdrawNote: "Azure asks you to confirm your sign-in with a second factor before it deletes the private endpoint. The endpoint was not deleted.",
  resumedNote: "Sign-in confirmed; Crosslink goes on creating the private endpoint.",
  resumedProgress: "Waiting to create the private endpoint…",
  /** The panel on the request page. */
  ask: "Azure asks you to confirm your sign-in with a second factor",
  confirm: "Continue",
  confirmed: "Your sign-in is confirmed.",
  resume: { creation: "Create the private endpoint", withdraw: "Withdraw and delete the endpoint" },
} as const;
