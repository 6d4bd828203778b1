/**
 * Request-body validation against the operation's schema in the spec copies (ajv), reported the
 * way each service reports a body it cannot read:
 * - Microsoft.Network: 400 InvalidRequestFormat "Cannot parse the request." with InvalidJson details;
 * - Microsoft.Web and Private DNS: 400 BadRequest naming the offending property.
 * Handlers additionally parse the fields they use with zod (handlers/shapes.ts), so they are safe
 * even when the spec copies are absent.
 */
import type { Ctx } from "../http/router";
import { Errors } from "../http/errors";
import { describeAjvErrors } from "./spec-catalog";

export function validateBody(ctx: Ctx): void {
  const { route, body, svc } = ctx;
  const op = svc.specs?.operation(route.operationId);
  if (body === undefined) {
    if (!op || op.bodyRequired || ctx.method === "PUT") {
      throw Errors.invalidRequestContent("The request content is empty. A JSON body is required.");
    }
    return;
  }
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    throw Errors.invalidRequestContent(`Unexpected JSON token when reading the body: expected an object, got ${Array.isArray(body) ? "an array" : typeof body === "object" ? "null" : typeof body}.`);
  }
  const validate = svc.specs?.bodyValidator(route.operationId);
  if (!validate || validate(body)) return;
  const problems = describeAjvErrors(validate.errors);
  if (route.bodyErrors === "network") {
    throw Errors.invalidRequestFormat(problems.map((p) => ({ code: "InvalidJson", message: p.message, target: p.path })));
  }
  throw Errors.badRequest(
    `The request body is invalid: ${problems.map((p) => p.message).join("; ")}.`,
    problems.map((p) => ({ code: "InvalidParameter", message: p.message, target: p.path })),
  );
}
