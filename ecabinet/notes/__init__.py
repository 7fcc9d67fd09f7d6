"""Private notes on document pages, and comments (góp ý) on drafts."""
