from django.apps import AppConfig


class Config(AppConfig):
    name = "desist.people"
    label = "people"
