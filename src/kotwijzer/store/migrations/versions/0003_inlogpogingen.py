"""Inlogpogingen in de database (een atomaire limiet, gedeeld door alle workers) en het laatste gebruik van een sessie
(time-out bij inactiviteit).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "inlogpoging",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("sleutel", sa.String(80), nullable=False),
        sa.Column("tijd", sa.Float(), nullable=False),
    )
    op.create_index("ix_inlogpoging_sleutel_tijd", "inlogpoging", ["sleutel", "tijd"])
    with op.batch_alter_table("sessie") as b:
        b.add_column(sa.Column("laatst_gebruikt", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sessie") as b:
        b.drop_column("laatst_gebruikt")
    op.drop_index("ix_inlogpoging_sleutel_tijd", table_name="inlogpoging")
    op.drop_table("inlogpoging")
