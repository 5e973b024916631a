# A thin wrapper over meson: the real build is meson.build.
#   make run    install what is missing, build, open the demo community
#   make test   install what is missing, build, run every test
#   make bench  a release build, then bench/run (BENCHMARKS.md)
BUILD ?= build
RELEASE ?= build-release
DEMO  ?= $(BUILD)/demo
APP    = $(BUILD)/app/community-ledger

.PHONY: all deps build run test bench clean

all: build

deps:
	@./.ci/install-deps

$(BUILD)/build.ninja:
	meson setup $(BUILD)

build: deps $(BUILD)/build.ninja
	meson compile -C $(BUILD)

run: build
	@./app/make-run.sh $(APP) $(DEMO)

test: build
	meson test -C $(BUILD) --print-errorlogs --num-processes 2 \
	  --wrapper 'xvfb-run -a -s "-screen 0 1280x800x24"'

bench: deps
	@./.ci/install-deps .ci/packages .ci/packages-bench
	[ -f $(RELEASE)/build.ninja ] || meson setup $(RELEASE) --buildtype=release
	meson compile -C $(RELEASE)
	COMMUNITY_LEDGER=$(RELEASE)/app/community-ledger ./bench/run

clean:
	rm -rf $(BUILD) $(RELEASE)
