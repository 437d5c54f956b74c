// Under tsx and in tests the pool's workers load answer-worker.ts through tsx's API: worker threads do
// not inherit a loader, and piscina takes a file, not code. The compiled service uses dist/service/answer-worker.js.
import { register } from "tsx/esm/api";

register();
const { default: answer } = await import("./answer-worker.ts");
export default answer;
