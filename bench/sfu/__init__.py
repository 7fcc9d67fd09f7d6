"""The video bench: a 16-site session on loopback through the eCabinet SFU and two baselines.

Run with `python -m bench.sfu` (part of `make bench`; `make bench-deps` installs Janus); it
takes about four minutes, prints each run's figures and a summary ready for
docs/benchmarks.md, and writes everything to bench/out/sfu.json. `--only ecabinet janus relay`
picks the systems, `--seconds` the length of each measured window.

The session is the city's: one hall and 15 ward halls, each publishing audio and two video
layers (960x540 and 320x180 VP8, a keyframe a second, 30 fps) replayed from pre-encoded clips
with real pacing, from two worker processes (`bench.sfu.sites`, `bench.sfu.workers`). Who
receives what comes from the room rules (`meetings.call.plan`): the hall receives every ward,
each ward the hall, the pinned first ward and the three "loudest" others; the pinned ward in
the high layer, every other site in the low one.

Systems, each in its own process, measured in the same run:

* `bench.sfu.session`: the eCabinet server (`main.py server`), in four windows: no loss,
  then 1 % and 5 % of the pinned ward's packets dropped on its way to the server (inside the
  load generator), for the longest freeze at its subscribers, then no loss with a process of
  other work spinning on the machine (`--busy`, a share of a core; 0 leaves that window out);
* `bench.sfu.janus`: Janus's videoroom plugin (Debian package `janus`) in a private network
  namespace, driven through its HTTP API, in the no-loss and the busy window; skipped, saying
  why, when it cannot run;
* `bench.sfu.relay`: a plain aiortc server that decodes and re-encodes (MediaRelay), on three
  sites (16 would saturate two cores), against the eCabinet server on the same three sites.

Figures per window (`bench.sfu.figures`): server CPU per delivered frame and per stream,
frames delivered over frames sent on the received streams, video latency from a publisher
handing a frame to its sender to a subscriber assembling it (one monotonic clock; the
difference to a direct peer-to-peer run, `bench.sfu.direct`, is what the server adds), and to
show whether the figures measure the server or the machine: the load generator's CPU, UDP
receive-buffer drops on the server's and on the load generator's sockets, and the CPU the
machine's other processes used meanwhile.
"""
