import { createPlatformSimulator } from "./platform-simulator.js";

// `pnpm simulator`: the provincial and municipal platforms on one port (PORT, default 4100).
// Bearer tokens: FUPIN_PROVINCE_TOKEN and FUPIN_CITY_TOKEN when set (the same variables the profiles name).
const simulator = await createPlatformSimulator({
  port: Number(process.env.PORT ?? 4100),
  host: process.env.HOST ?? "127.0.0.1",
  tokens: {
    ...(process.env.FUPIN_PROVINCE_TOKEN ? { province: process.env.FUPIN_PROVINCE_TOKEN } : {}),
    ...(process.env.FUPIN_CITY_TOKEN ? { city: process.env.FUPIN_CITY_TOKEN } : {}),
  },
});
console.log(`platform simulator listening on ${simulator.url}`);
console.log(`  provincial platform: POST ${simulator.url}/province/batches`);
console.log(`  municipal platform:  POST ${simulator.url}/city/batches`);
console.log(`  counts: GET ${simulator.url}/control/stats; faults: POST ${simulator.url}/control/fault`);
const stop = () => {
  void simulator.close().then(() => {
    console.log("platform simulator stopped");
    process.exit(0);
  });
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
