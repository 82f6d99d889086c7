.PHONY: bench

# The performance benchmark (not part of the tests): see bench/README.md.
bench:
	bench/run.sh $(BENCH_FLAGS)
