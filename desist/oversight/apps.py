from django.apps import AppConfig


class Config(AppConfig):
    name = "desist.oversight"
    label = "oversight"
