import type { AppDeps, AppInstance } from '../app.js';

export function statsRoutes(_app: AppInstance, _deps: AppDeps): void {}
