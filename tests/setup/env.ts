// Keep SDK logs quiet in tests; the real SDK still runs every request.
process.env.SILENCE = 'true';
process.env.TZ = 'UTC';
