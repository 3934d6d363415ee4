"""What every form view does with a service's refusal: show it on the form, lose nothing."""

from collections.abc import Callable


def posted(request):
    """The form data on a POST, even an empty one (an empty submission must still be explained)."""
    return request.POST if request.method == "POST" else None


def save_or_explain(form, save: Callable, *, refusals: tuple[type[Exception], ...]):
    """Run a service; a refusal it raises (someone else's edit, a rule, a clash: each carries a
    ``message``) becomes the form's error, and the form is shown again as the user left it."""
    try:
        return save()
    except refusals as refused:
        form.add_error(None, refused.message)
    return None
