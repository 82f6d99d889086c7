# Build, install and benchmark wasmfix. `make install PREFIX=~/.local` is the README's install.
#
#   make release        static release binary (Swift runtime and tree-sitter linked in: ldd
#                       lists no libswift* or libtree-sitter), its man page and completions
#   make install        the binary, bash/zsh/fish completions and the man page under PREFIX
#   make uninstall      removes exactly what install put there
#   make bench          the performance benchmark (not part of the tests): see bench/README.md
#   make fuzz           libFuzzer + ASan on the per-file pipeline (Sources/wasmfix-fuzz), seeded
#                       from Tests/Fixtures, time-boxed: FUZZ_SECONDS (default 600) per language,
#                       FUZZ_LANG=rust|c|cpp|csharp|cli|all (default all; several, space-separated,
#                       run one after another). Exit 1 on a crash. See scripts/fuzz.sh.
#
# Release work has its own scratch folder (SCRATCH, default .build-release), apart from the
# .build of `swift build`/`swift test`: `swift test` (InstallTests) can run `make install`
# without waiting on its own build lock, and reuses what an earlier `make install` built.
.PHONY: release install uninstall bench fuzz

PREFIX ?= /usr/local
DESTDIR ?=
SWIFT ?= swift
SCRATCH ?= .build-release
# zsh leaves the `~` of `PREFIX=~/.local` to us (bash expands it): expand it here.
prefix := $(DESTDIR)$(patsubst ~%,$(HOME)%,$(PREFIX))
scratch := $(abspath $(SCRATCH))

# Debian's libtree-sitter-dev ships both libtree-sitter.so and .a, and the linker prefers the
# .so in the same folder. SwiftPM puts pkg-config's `-L` before any flag of ours, so the build
# reads a copy of tree-sitter.pc whose libdir is a folder holding only the archive.
static_libs := $(scratch)/static-libs
tree_sitter_pc := $(shell pkg-config --variable=pcfiledir tree-sitter 2>/dev/null)/tree-sitter.pc
tree_sitter_libdir := $(shell pkg-config --variable=libdir tree-sitter 2>/dev/null)
swift_env := PKG_CONFIG_PATH=$(static_libs)
release_flags := --scratch-path $(scratch) -c release --static-swift-stdlib
bin = $(shell $(swift_env) $(SWIFT) build $(release_flags) --show-bin-path)/wasmfix
# Written by swift-argument-parser's generate-manual plugin from the command's own help. The
# plugin builds the package itself, with its own flags: in the release scratch folder that
# build and ours would undo each other (two full rebuilds per make), so it gets a debug build
# of its own (the help text, hence the page, is the same in any build).
manual_scratch := $(scratch)/manual
manual := $(manual_scratch)/plugins/GenerateManual/outputs/wasmfix/wasmfix.1
out := $(scratch)/dist

release:
	@test -n "$(tree_sitter_libdir)" || { echo "make: pkg-config cannot find tree-sitter: run scripts/setup.sh" >&2; exit 2; }
	mkdir -p $(static_libs) $(out)
	ln -sf $(tree_sitter_libdir)/libtree-sitter.a $(static_libs)/libtree-sitter.a
	sed 's|^libdir=.*|libdir=$(static_libs)|' $(tree_sitter_pc) > $(static_libs)/tree-sitter.pc
	$(SWIFT) package --scratch-path $(manual_scratch) plugin generate-manual --configuration debug --authors "wasmfix authors"
	@# generate-manual writes blank lines for the blank lines of --help, where mdoc wants .Pp,
	@# and documents hidden commands (dump-tree, for developing wasmfix), which --help and the
	@# completions leave out: drop its entry, up to the next command's.
	sed 's/^$$/.Pp/' $(manual) | awk '/^\.It Em dump-tree$$/ { skip = 1; next } /^\.It Em / { skip = 0 } !skip' > $(out)/wasmfix.1
	$(swift_env) $(SWIFT) build $(release_flags) --product wasmfix
	cp $(bin) $(out)/wasmfix
	$(out)/wasmfix --generate-completion-script bash > $(out)/wasmfix.bash
	$(out)/wasmfix --generate-completion-script zsh > $(out)/_wasmfix
	$(out)/wasmfix --generate-completion-script fish > $(out)/wasmfix.fish

install: release
	install -d $(prefix)/bin $(prefix)/share/man/man1 $(prefix)/share/bash-completion/completions \
	  $(prefix)/share/zsh/site-functions $(prefix)/share/fish/vendor_completions.d
	install -m 755 $(out)/wasmfix $(prefix)/bin/wasmfix
	install -m 644 $(out)/wasmfix.1 $(prefix)/share/man/man1/wasmfix.1
	install -m 644 $(out)/wasmfix.bash $(prefix)/share/bash-completion/completions/wasmfix
	install -m 644 $(out)/_wasmfix $(prefix)/share/zsh/site-functions/_wasmfix
	install -m 644 $(out)/wasmfix.fish $(prefix)/share/fish/vendor_completions.d/wasmfix.fish

uninstall:
	rm -f $(prefix)/bin/wasmfix $(prefix)/share/man/man1/wasmfix.1 \
	  $(prefix)/share/bash-completion/completions/wasmfix $(prefix)/share/zsh/site-functions/_wasmfix \
	  $(prefix)/share/fish/vendor_completions.d/wasmfix.fish

bench:
	bench/run.sh $(BENCH_FLAGS)

fuzz:
	FUZZ_LANG="$(FUZZ_LANG)" FUZZ_SECONDS="$(FUZZ_SECONDS)" scripts/fuzz.sh
