`GET <consultation>?expand=invitations,attendance` (and speeches, materials; evaluation, handling, merge on suggestions) includes the summaries, for those their services let in. [plone-grade]
