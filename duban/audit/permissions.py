from duban.directory.roles import is_auditor


def can_read_audit(user) -> bool:
    """The audit trail is the audit administrator's to read and export, and no one else's."""
    return is_auditor(user)
