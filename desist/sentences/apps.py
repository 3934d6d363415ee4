from django.apps import AppConfig


class Config(AppConfig):
    name = "desist.sentences"
    label = "sentences"
