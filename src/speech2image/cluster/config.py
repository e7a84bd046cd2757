"""The Ray Serve config file of the engines, for ``serve deploy`` (no Ray needed to write it).

One application per engine, each with the import path of its builder in
:mod:`speech2image.cluster.replicas`, its replicas (a number or an ``autoscaling_config``)
and its ``ray_actor_options``, from the same :class:`~.options.ClusterOptions` that
``speech2image serve --ray`` deploys with. Serve's HTTP proxy is off: the ingress is
``speech2image serve --ray ADDRESS --attach``, which serves the page and calls the engines
through handles.
"""

from __future__ import annotations

from typing import Any

from speech2image.cluster.options import DEPLOYMENTS, ClusterOptions

IMPORT_PATHS = {
    "s2i-asr": "speech2image.cluster.replicas:recognizer_app",
    "s2i-language": "speech2image.cluster.replicas:scene_app",
    "s2i-image": "speech2image.cluster.replicas:drawing_app",
}
"""What ``serve run IMPORT_PATH`` (or a config's ``import_path``) builds, per application."""


def serve_config(
    options: ClusterOptions, *, engine_args: dict[str, Any], env: dict[str, str]
) -> dict[str, Any]:
    """The config as data: ``engine_args`` go to the drawing application (``engine``,
    ``model``, ``device``), ``env`` (``S2I_*`` options) to every replica."""
    applications = []
    for app, name in DEPLOYMENTS.items():
        deployment: dict[str, Any] = {
            "name": name,
            **options.replicas(app).serve_options(),
            "max_ongoing_requests": 1,
            "ray_actor_options": options.actor_options(app),
        }
        application: dict[str, Any] = {
            "name": app,
            "route_prefix": None,
            "import_path": IMPORT_PATHS[app],
            "args": engine_args if app == "s2i-image" else {},
            "deployments": [deployment],
        }
        if env:
            application["runtime_env"] = {"env_vars": dict(env)}
        applications.append(application)
    return {"proxy_location": "Disabled", "applications": applications}


def to_yaml(data: Any, indent: int = 0) -> str:
    """``data`` (dicts, lists, strings, numbers, booleans, ``None``) as block YAML."""
    pad = " " * indent
    lines: list[str] = []
    if isinstance(data, dict):
        for key, value in data.items():
            if isinstance(value, dict | list) and value:
                lines.append(f"{pad}{key}:")
                lines.append(to_yaml(value, indent + 2))
            else:
                lines.append(f"{pad}{key}: {_scalar(value)}")
    elif isinstance(data, list):
        for item in data:
            if isinstance(item, dict) and item:
                block = to_yaml(item, indent + 2).splitlines()
                lines.append(f"{pad}- {block[0].lstrip()}")
                lines.extend(block[1:])
            else:
                lines.append(f"{pad}- {_scalar(item)}")
    else:
        lines.append(pad + _scalar(data))
    return "\n".join(lines)


def _scalar(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, dict | list):
        return "{}" if isinstance(value, dict) else "[]"
    text = str(value)
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
