"""The password rule GB/T 22239 asks for: long enough and of several kinds of character."""

import string

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

CLASSES = (
    string.ascii_uppercase,
    string.ascii_lowercase,
    string.digits,
)


class CharacterClassValidator:
    """At least three of: capital letters, small letters, digits, other characters."""

    def __init__(self, min_classes: int = 3):
        self.min_classes = min_classes

    def validate(self, password, user=None):
        kinds = sum(any(c in chars for c in password) for chars in CLASSES)
        kinds += any(not c.isalnum() for c in password)
        if kinds < self.min_classes:
            raise ValidationError(self.get_help_text(), code="password_too_simple")

    def get_help_text(self):
        return _("密码须包含大写字母、小写字母、数字、符号中的至少三类。")
