// Integration and end-to-end tests wait on real Kafka, PostgreSQL, buildah and processes; their waits are bounded by
// pollUntil, so this is only an outer guard. (Jest ignores `testTimeout` in a project config of a multi-project run.)
jest.setTimeout(180_000);
