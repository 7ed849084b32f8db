from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from duban.directory.forms import AdminLoginForm
from duban.directory.models import Region, Unit, UnitAlias, User


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "level", "parent")
    list_filter = ("level",)
    search_fields = ("code", "name")


class UnitAliasInline(admin.TabularInline):
    model = UnitAlias
    extra = 0


@admin.register(Unit)
class UnitAdmin(SimpleHistoryAdmin):
    list_display = ("name", "short_name", "kind", "region", "active")
    list_filter = ("kind", "region", "active")
    search_fields = ("name", "short_name", "aliases__name")
    inlines = [UnitAliasInline]


@admin.register(User)
class DubanUserAdmin(UserAdmin, SimpleHistoryAdmin):
    list_display = ("username", "last_name", "first_name", "unit", "role", "is_active")
    list_filter = ("role", "is_active", "unit__kind")
    search_fields = ("username", "first_name", "last_name", "unit__name", "unit__short_name")
    fieldsets = UserAdmin.fieldsets + ((_("督办"), {"fields": ("unit", "role")}),)
    # A new account starts as a viewer of its unit; the security administrator gives roles.
    add_fieldsets = UserAdmin.add_fieldsets + ((_("督办"), {"fields": ("unit",)}),)
    # Rights change only through the security administrator's page, with a reason (三员分立),
    # the superuser included.
    readonly_fields = ("role", "is_staff", "is_superuser", "groups", "user_permissions")


admin.site.login_form = AdminLoginForm
