"""Choices for community payback projects, in the terms unpaid work staff use."""

from django.db import models


class ProjectType(models.TextChoices):
    # A group works together under a supervisor; an individual placement is one person (or a
    # few) working alongside a beneficiary's own staff, such as a charity shop.
    GROUP = "GROUP", "Group placement"
    INDIVIDUAL = "INDIVIDUAL", "Individual placement"
