// `yarn start`: the built server on $PORT and, on PostgreSQL, the email delivery process beside
// it (see launcher.ts). SIGINT and SIGTERM go to both; when either exits, so does the other,
// and this process exits with the first one's code.
import { launch, startPlan } from "./launcher";

const launched = launch(startPlan(process.env, { port: process.env.PORT || "3000" }));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => launched.stop(signal));
void launched.exited.then((code) => {
  process.exitCode = code;
});
