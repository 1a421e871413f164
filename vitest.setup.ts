import fc from "fast-check";

// Property tests run from a fixed seed so a CI run is reproducible. FC_SEED=<n> replays a failure;
// FC_SEED=random explores new inputs (npm run bench:fuzz explores 100k more).
const requested = process.env.FC_SEED;
const seed = requested === "random" ? Date.now() : Number(requested ?? 20261122);
fc.configureGlobal({ seed });
