from django.apps import AppConfig


class Config(AppConfig):
    name = "desist.enforcement"
    label = "enforcement"

    def ready(self):
        # Register enforcement's deadlines and countersigning queue with oversight.
        from desist.enforcement import countersign, deadlines  # noqa: F401
