#!/bin/sh
echo "Settle runs migrations through 'npm run db:migrate' and 'npm run db:deploy' (packages/db-tools)." >&2
exit 1
