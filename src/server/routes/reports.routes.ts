import type { AppDeps, AppInstance } from '../app.js';

export function reportsRoutes(_app: AppInstance, _deps: AppDeps): void {}
