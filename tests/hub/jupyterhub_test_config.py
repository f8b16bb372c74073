"""The hub the tests and the load benchmark start: deploy/jupyterhub_config.py, with only what
this machine cannot do swapped out.

- Spawner: SimpleLocalProcessSpawner (a process per student, a home folder each under
  COURSE_HUB_TEST_HOMES) instead of SystemdSpawner: no systemd here, and everything runs as root,
  hence ``--allow-root``.  It gives no isolation between students: for tests only.
- Ports: free ports on 127.0.0.1 chosen by the test (several engineers share this machine).
- A service token (COURSE_HUB_TEST_TOKEN) with admin rights over users and servers, for the
  test's REST calls; the idle culler is left out (a test never idles an hour).
Everything else (authenticator, logout, proxy, server command, environment, hand-in folder) is
the deployed configuration.
"""

import os
from pathlib import Path

c = get_config()  # noqa: F821 - provided by JupyterHub
load_subconfig(str(Path(__file__).resolve().parents[2] / "deploy" / "jupyterhub_config.py"))  # noqa: F821

public, hub, proxy_api = (int(p) for p in os.environ["COURSE_HUB_TEST_PORTS"].split(","))
c.JupyterHub.bind_url = f"http://127.0.0.1:{public}"
c.JupyterHub.hub_bind_url = f"http://127.0.0.1:{hub}"
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{proxy_api}"

c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = os.environ["COURSE_HUB_TEST_HOMES"] + "/{username}"
c.Spawner.args = ["--allow-root"]
c.Spawner.start_timeout = 180
c.Spawner.http_timeout = 180
c.Spawner.mem_limit = None  # only SystemdSpawner enforces it; keep the local spawner's logs quiet
c.Spawner.cpu_limit = None

c.JupyterHub.services = [{"name": "course-test", "api_token": os.environ["COURSE_HUB_TEST_TOKEN"]}]
c.JupyterHub.load_roles = [
    {
        "name": "course-test",
        "scopes": ["admin:users", "admin:servers", "access:servers", "list:users", "read:users", "tokens"],
        "services": ["course-test"],
    }
]
