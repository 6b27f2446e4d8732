#!/bin/sh
# Entry point of the image docs/docker/Dockerfile builds: puts the n8n-nodes-commerce-ops baked
# into the image into n8n's nodes folder, then starts n8n as the n8n image does.
#
# Why at start and not at build: n8n loads community packages from
# <user folder>/.n8n/nodes/node_modules/n8n-nodes-* (n8n 2.8 load-nodes-and-credentials.ts with
# the community-packages module's loadDir), and that folder is usually a volume
# (docker run -v n8n_data:/home/node/.n8n), which hides whatever the image put there. So the
# package waits in $COMMERCE_OPS_BAKED and is copied in on every start (a few MB; a newer image
# replaces an older copy). It is also listed in the nodes folder's package.json, as n8n's own
# installer leaves it, so that an `npm install` there for another package does not prune it.
set -eu

BAKED="${COMMERCE_OPS_BAKED:-/opt/commerce-ops/node_modules/n8n-nodes-commerce-ops}"
NODES="${N8N_USER_FOLDER:-$HOME}/.n8n/nodes"
TARGET="$NODES/node_modules/n8n-nodes-commerce-ops"

if [ ! -f "$BAKED/package.json" ]; then
	echo "commerce-ops: no package in $BAKED; starting n8n without it" >&2
else
	mkdir -p "$NODES/node_modules"
	rm -rf "$TARGET.new"
	cp -R "$BAKED" "$TARGET.new"
	rm -rf "$TARGET"
	mv "$TARGET.new" "$TARGET"
	node -e '
		const fs = require("fs");
		const [file, version] = process.argv.slice(1);
		let manifest = { name: "installed-nodes", private: true, dependencies: {} };
		try { manifest = JSON.parse(fs.readFileSync(file, "utf8")); } catch {}
		manifest.dependencies = { ...manifest.dependencies, "n8n-nodes-commerce-ops": version };
		fs.writeFileSync(file, JSON.stringify(manifest, null, 2) + "\n");
	' "$NODES/package.json" "$(node -p 'require(process.argv[1]).version' "$BAKED/package.json")"
	echo "commerce-ops: n8n-nodes-commerce-ops $(node -p 'require(process.argv[1]).version' "$TARGET/package.json") in $NODES/node_modules" >&2
fi

# The n8n image's own entry point (ENTRYPOINT ["tini", "--", "/docker-entrypoint.sh"]).
exec "${COMMERCE_OPS_NEXT:-/docker-entrypoint.sh}" "$@"
