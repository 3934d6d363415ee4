from django.apps import AppConfig


class Config(AppConfig):
    name = "desist.unpaid_work"
    label = "unpaid_work"
