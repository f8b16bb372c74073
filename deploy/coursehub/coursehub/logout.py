"""A hub logout that also clears the course's saved answers from the browser.

Quiz answers persist in the browser's localStorage, and every user of a hub shares one origin
(``https://hub.example.edu``).  On a shared lab computer the next student to sign in would see
the previous student's answers restored in each quiz, and sent to their own kernel.  Logging out
through this handler sends ``Clear-Site-Data: "storage"``, which makes the browser delete the
hub origin's localStorage (and IndexedDB, service workers).  Students' answers handed in with
``coursehub.handin.hand_in`` are files on the hub and are not affected.

In ``jupyterhub_config.py``::

    from coursehub.logout import clearing_storage_on_logout
    from firstuseauthenticator import FirstUseAuthenticator
    c.JupyterHub.authenticator_class = clearing_storage_on_logout(FirstUseAuthenticator)
"""

from __future__ import annotations

CLEAR_SITE_DATA = '"storage"'


def clearing_storage_on_logout(authenticator_class: type) -> type:
    """A subclass of ``authenticator_class`` whose logout page clears the hub origin's browser storage."""
    from jupyterhub.handlers.login import LogoutHandler

    class ClearingAuthenticator(authenticator_class):
        def get_handlers(self, app):
            handlers = list(super().get_handlers(app))
            own = [handler for route, handler, *_ in handlers if route == "/logout"]
            base = own[0] if own else LogoutHandler

            class ClearingLogoutHandler(base):
                async def handle_logout(self):
                    self.set_header("Clear-Site-Data", CLEAR_SITE_DATA)
                    await super().handle_logout()

            return [("/logout", ClearingLogoutHandler)] + [h for h in handlers if h[0] != "/logout"]

    ClearingAuthenticator.__name__ = f"Clearing{authenticator_class.__name__}"
    ClearingAuthenticator.__qualname__ = ClearingAuthenticator.__name__
    return ClearingAuthenticator
