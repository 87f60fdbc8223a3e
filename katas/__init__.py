"""The learner's exercises: one package per track and kata. Edit the stubs; leave the test files alone."""
