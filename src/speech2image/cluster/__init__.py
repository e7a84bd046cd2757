"""The engines as Ray Serve deployments (``speech2image serve --ray``, docs/scaling.md).

A composition root like :mod:`speech2image.factory`: it may import every stage, and no stage
imports it. Only :mod:`.replicas`, :mod:`.remote` and :mod:`.deploy` import Ray, and only
when a command asks for a cluster: ``import speech2image`` and the local path never need it.

- :mod:`.options` — how many replicas of each engine, their resources (no Ray).
- :mod:`.config` — the Ray Serve config file for ``serve deploy`` (no Ray).
- :mod:`.replicas` — the deployments: each replica loads its model once and warms it up.
- :mod:`.watch` — a replica whose call never returns fails its health check (no Ray).
- :mod:`.ledger` — the ingress's queue per deployment (a slot per replica, finals first)
  and its calls' timings (no Ray).
- :mod:`.remote` — the ingress side: engines that call the replicas through handles.
- :mod:`.deploy` — connect to (or start) a cluster, deploy with a bounded wait, report health.
"""
