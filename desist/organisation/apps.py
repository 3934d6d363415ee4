from django.apps import AppConfig


class Config(AppConfig):
    name = "desist.organisation"
    label = "organisation"
