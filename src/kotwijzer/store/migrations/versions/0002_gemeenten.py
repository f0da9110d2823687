"""De catalogus van gemeenten: gemeenten, hun activiteiten (categorie A/B/C, re-integratiecode) en hun beleid voor de
aanvullende tegemoetkoming (Wko art. 1.13).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

from alembic import op
import sqlalchemy as sa

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "gemeente",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("cbs_code", sa.String(6), nullable=False, unique=True),
        sa.Column("naam", sa.Text(), nullable=False),
        sa.Column("voorbeeld", sa.Boolean(), nullable=False),
        sa.Column("toelichting", sa.Text(), nullable=False),
        sa.Column("volgorde", sa.Integer(), nullable=False),
    )
    op.create_table(
        "activiteit",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("gemeente_id", sa.Integer(), sa.ForeignKey("gemeente.id", ondelete="CASCADE"), nullable=False),
        sa.Column("code", sa.Text(), nullable=False),
        sa.Column("naam", sa.Text(), nullable=False),
        sa.Column("soort", sa.String(60), nullable=False),
        sa.Column("categorie", sa.String(1), nullable=False),
        sa.Column("reintegratiecode", sa.Integer(), nullable=True),
        sa.Column("doel", sa.String(20), nullable=False),
        sa.Column("uren_per_week", sa.Numeric(5, 2), nullable=True),
        sa.Column("individueel_plan_vereist", sa.Boolean(), nullable=False),
        sa.Column("toelichting", sa.Text(), nullable=False),
        sa.Column("herkomst", sa.Text(), nullable=False),
        sa.Column("volgorde", sa.Integer(), nullable=False),
        sa.UniqueConstraint("gemeente_id", "code", name="uq_activiteit_gemeente_code"),
    )
    op.create_index("ix_activiteit_gemeente_id", "activiteit", ["gemeente_id"])
    op.create_table(
        "gemeentelijk_beleid",
        sa.Column("gemeente_id", sa.Integer(), sa.ForeignKey("gemeente.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("fractie_restant", sa.Numeric(5, 4), nullable=False),
        sa.Column("maximum_per_maand_cent", sa.BigInteger(), nullable=True),
        sa.Column("boven_wettelijk", sa.Boolean(), nullable=False),
        sa.Column("boven_wettelijk_fractie", sa.Numeric(5, 4), nullable=True),
        sa.Column("boven_wettelijk_maximum_per_maand_cent", sa.BigInteger(), nullable=True),
        sa.Column("boven_wettelijk_grondslag", sa.Text(), nullable=False),
        sa.Column("smi_aangeboden", sa.Boolean(), nullable=False),
        sa.Column("toelichting", sa.Text(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("gemeentelijk_beleid")
    op.drop_index("ix_activiteit_gemeente_id", table_name="activiteit")
    op.drop_table("activiteit")
    op.drop_table("gemeente")
