import { InsufficientScopeError } from "../errors/domain-errors";
import type { AuthContext } from "./auth-context";
import { scopeSatisfied, type Scope } from "./scopes";

export function requireScope(auth: AuthContext, scope: Scope): void {
  if (!scopeSatisfied(auth.scopes, scope)) throw new InsufficientScopeError(scope);
}
