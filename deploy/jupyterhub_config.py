"""JupyterHub for a class on one machine (The Littlest JupyterHub's layout, with the course's pins).

Run from the hub's environment (``deploy/envs/hub``, made by ``make hub-setup`` from
deploy/requirements.txt)::

    deploy/envs/hub/bin/jupyterhub -f deploy/jupyterhub_config.py

Everything a class needs is set here; the values that differ between machines come from
environment variables (pages/hub_guide.md shows a systemd unit that sets them):

=========================== ============================================ ===========================
variable                    what                                         default
=========================== ============================================ ===========================
COURSE_HUB_BIND_URL         where the hub listens (put TLS in front)      http://127.0.0.1:8000
COURSE_HUB_STATE            database, cookie secret, passwords            /srv/coursehub/state
COURSE_HUB_USER_ENV         the students' environment                     deploy/envs/user
COURSE_HANDIN_DIR           the class's hand-in folder                    /srv/coursehub/handin
COURSE_HUB_ADMINS           instructors' user names, comma-separated      (none)
COURSE_HUB_MEM_LIMIT        memory per student server                     1G
COURSE_HUB_CPU_LIMIT        cores per student server                      1
COURSE_HUB_IDLE_TIMEOUT     stop a server idle this many seconds          3600
=========================== ============================================ ===========================

Tested here (tests/hub, with the spawner swapped for SimpleLocalProcessSpawner because this
machine has no systemd): everything else in this file.  Not tested here: SystemdSpawner.
"""

import os
import sys
from pathlib import Path

from coursehub.logout import clearing_storage_on_logout
from firstuseauthenticator import FirstUseAuthenticator

c = get_config()  # noqa: F821 - provided by JupyterHub when it loads this file

DEPLOY = Path(__file__).resolve().parent
STATE = Path(os.environ.get("COURSE_HUB_STATE", "/srv/coursehub/state"))
USER_ENV = Path(os.environ.get("COURSE_HUB_USER_ENV", DEPLOY / "envs" / "user"))
HANDIN = os.environ.get("COURSE_HANDIN_DIR", "/srv/coursehub/handin")
ADMINS = {name.strip() for name in os.environ.get("COURSE_HUB_ADMINS", "").split(",") if name.strip()}
STATE.mkdir(parents=True, exist_ok=True)

# --- the hub and its proxy -------------------------------------------------------------------
c.JupyterHub.bind_url = os.environ.get("COURSE_HUB_BIND_URL", "http://127.0.0.1:8000")
c.JupyterHub.db_url = f"sqlite:///{STATE / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(STATE / "jupyterhub_cookie_secret")
c.ConfigurableHTTPProxy.command = [str(DEPLOY / "node_modules" / ".bin" / "configurable-http-proxy")]
c.ConfigurableHTTPProxy.pid_file = str(STATE / "jupyterhub-proxy.pid")

# --- signing in ------------------------------------------------------------------------------
# A workshop: each student picks a user name and a password the first time they sign in; after
# that only that password opens that name.  The instructor's names (COURSE_HUB_ADMINS) are
# admins: they see every server from the hub's admin page.  The logout also clears the course's
# answers from the browser (coursehub.logout), for shared lab computers.
# To use the institution's accounts instead, see "Switching to your institution's sign-in" in
# pages/hub_guide.md (oauthenticator, ltiauthenticator; both are in deploy/requirements.txt).
c.JupyterHub.authenticator_class = clearing_storage_on_logout(FirstUseAuthenticator)
c.FirstUseAuthenticator.dbm_path = str(STATE / "passwords.dbm")
c.FirstUseAuthenticator.min_password_length = 8
c.Authenticator.admin_users = ADMINS
c.Authenticator.allow_all = True  # anyone who reaches the sign-in page; list names in allowed_users to restrict

# --- the students' servers -------------------------------------------------------------------
# SystemdSpawner runs each server as a systemd unit under a dynamic user: no Unix accounts to
# create, students cannot read each other's files, and memory and CPU are capped per student.
c.JupyterHub.spawner_class = "systemdspawner.SystemdSpawner"
c.SystemdSpawner.dynamic_users = True
c.SystemdSpawner.readwrite_paths = [HANDIN]
c.Spawner.cmd = [str(USER_ENV / "bin" / "jupyterhub-singleuser")]
c.Spawner.default_url = "/lab"
# A class link (nbgitpuller) for a student whose server is not running starts it after a second
# instead of showing a "Launch server" button: one click from the link to the chapter.
c.JupyterHub.implicit_spawn_seconds = 1
c.Spawner.mem_limit = os.environ.get("COURSE_HUB_MEM_LIMIT", "1G")
c.Spawner.cpu_limit = float(os.environ.get("COURSE_HUB_CPU_LIMIT", "1"))
c.Spawner.environment = {
    "COURSE_HANDIN_DIR": HANDIN,  # coursehub.handin.hand_in() writes <user>.json here
    "NBGITPULLER_APP": "lab",
    # Instructors (hub admins) see the quizzes' answer keys, as in the instructor edition.
    "BOOKQUIZ_INSTRUCTOR": lambda spawner: "1" if spawner.user.admin else "",
}

# --- stop idle servers, so a class's memory comes back ---------------------------------------
c.JupyterHub.load_roles = [
    {
        "name": "idle-culler",
        "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
        "services": ["idle-culler"],
    }
]
c.JupyterHub.services = [
    {
        "name": "idle-culler",
        "command": [
            sys.executable,
            "-m",
            "jupyterhub_idle_culler",
            f"--timeout={os.environ.get('COURSE_HUB_IDLE_TIMEOUT', '3600')}",
        ],
    }
]
