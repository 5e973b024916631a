# A thin wrapper over meson: the real build is meson.build.
#   make run    install what is missing, build, open the demo community
#   make test   install what is missing, build, run every test
BUILD ?= build
DEMO  ?= $(BUILD)/demo
APP    = $(BUILD)/app/community-ledger

.PHONY: all deps build run test clean

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

clean:
	rm -rf $(BUILD)
