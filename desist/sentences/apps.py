from django.apps import AppConfig


class Config(AppConfig):
    name = "desist.sentences"
    label = "sentences"

    def ready(self):
        from desist.sentences import deadlines  # noqa: F401 (registers sources)
