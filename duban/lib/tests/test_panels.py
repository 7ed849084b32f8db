from duban.lib import panels


def test_panels_render_in_the_order_registered_and_skip_other_slots():
    panels.register("test-slot", "first", lambda request, obj: f"<a>{obj}</a>")
    panels.register("test-slot", "second", lambda request, obj: "")
    panels.register("test-slot", "third", lambda request, obj: "<b></b>")
    assert panels.render("test-slot", None, 7) == "<a>7</a><b></b>"
    assert panels.render("no-such-slot", None) == ""


def test_registering_a_name_again_replaces_it():
    panels.register("test-slot-2", "one", lambda request, obj: "old")
    panels.register("test-slot-2", "one", lambda request, obj: "new")
    assert panels.render("test-slot-2", None) == "new"
