"""qzdc: an indicator calculator for the Wangu town 强镇带村 pilot plan (2023–2025)."""

__version__ = "0.1.0"
