// End-to-end tests run real processes; their waits are bounded by pollUntil, this is only the outer guard.
jest.setTimeout(180_000);
