import { HttpError } from "../errors/http-error";
import type { AuthContext } from "./auth-context";
import { scopeSatisfied, type Scope } from "./scopes";

export function requireScope(auth: AuthContext, scope: Scope): void {
  if (!scopeSatisfied(auth.scopes, scope)) {
    throw new HttpError("insufficient_scope", `This API key lacks the scope ${scope}.`, {
      details: [{ rule: "scope", message: `Required scope: ${scope}` }],
    });
  }
}
