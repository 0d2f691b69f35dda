"""Services: every use case of IOK as a function of a ``ServiceContext``.

Services take the caller's session (they flush, the caller commits, usually through
``Database.run``), check who is acting, enforce the domain rules, write the audit log and return
plain dataclasses, never live ORM objects.
"""
