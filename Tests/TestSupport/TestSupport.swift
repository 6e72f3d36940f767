// TestSupport: helpers shared by the test targets.
