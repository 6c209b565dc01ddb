import type { Role } from '../shared/roles.js';
import type { Ctx } from './context.js';
import { forbidden } from './errors.js';

/**
 * Deny by default (TRUST SC-5): a use case states the roles that may run it. A `null` actor is the
 * system itself (CLI, jobs) and may do anything; routes always carry a signed-in actor.
 */
export function assertRole(ctx: Ctx, ...roles: Role[]): void {
  if (ctx.actor === null) return;
  if (!roles.includes(ctx.actor.role)) throw forbidden();
}

export function hasRole(ctx: Ctx, ...roles: Role[]): boolean {
  return ctx.actor === null || roles.includes(ctx.actor.role);
}
