# Two commands on a fresh Debian/Ubuntu machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Debian packages the tests use: SoftHSM2 stands in for the USB token, poppler's pdfsig and
# pdftoppm check and render signed files, certutil builds pdfsig's trust store; the rest are
# the libraries Qt needs to run offscreen.
APT_PACKAGES := softhsm2 poppler-utils libnss3-tools libegl1 libgl1 libxkbcommon0 \
	libfontconfig1 libdbus-1-3 libglib2.0-0
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: demo test lint bench bench-deps server system-deps clean translations

$(VENV)/.installed-test: pyproject.toml
	[ -x $(BIN)/python ] || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

$(VENV)/.installed-client: pyproject.toml
	[ -x $(BIN)/python ] || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[client]'
	touch $@

system-deps:
	@missing=""; for p in $(APT_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "installing Debian packages:$$missing"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

test: $(VENV)/.installed-test system-deps
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

demo: $(VENV)/.installed-client
	$(BIN)/python main.py demo

server: $(VENV)/.installed-client
	$(BIN)/python main.py server --data data

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# Janus (its videoroom plugin) is the SFU baseline of bench.sfu; only `make bench` needs it.
BENCH_PACKAGES := janus

bench-deps:
	@missing=""; for p in $(BENCH_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "installing Debian packages for the benches:$$missing"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing \
		|| echo "could not install$$missing: bench.sfu will skip its Janus baseline"; \
	fi

bench: $(VENV)/.installed-test system-deps bench-deps
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
