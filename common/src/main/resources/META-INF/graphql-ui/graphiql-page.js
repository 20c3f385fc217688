// The GraphQL endpoint sits beside this page: <context-root>/graphql next to <context-root>/graphql-ui/
const fetcher = GraphiQL.createFetcher({ url: new URL('../graphql', document.baseURI).href });

// examples.json is the service's own (its WAR's resources): {"tabs": [{"query": [lines], "variables": {}, "headers": {}}]}
function tabsOf(examples) {
  const json = value => (value ? JSON.stringify(value, null, 2) : undefined);
  return examples.tabs.map(tab => ({
    query: `${tab.query.join('\n')}\n`,
    variables: json(tab.variables),
    headers: json(tab.headers),
  }));
}

function hashOf(text) {
  let hash = 0;
  for (let i = 0; i < text.length; i++) {
    hash = (Math.imul(31, hash) + text.charCodeAt(i)) | 0;
  }
  return (hash >>> 0).toString(36);
}

// GraphiQL keeps tabs, history and settings in localStorage under fixed names, and ignores defaultTabs once
// it has tabs there. Services behind one load balancer share an origin, so the names are prefixed with this
// page's path; and with the examples' hash, so that changed examples reach a returning browser (the state
// kept for earlier examples is removed).
function pageStorage(version) {
  const page = `${location.pathname}#`;
  const prefix = `${page}${version}:`;
  const ours = () => Object.keys(localStorage).filter(key => key.startsWith(page));
  ours().filter(key => !key.startsWith(prefix)).forEach(key => localStorage.removeItem(key));
  return {
    getItem: key => localStorage.getItem(prefix + key),
    setItem: (key, value) => localStorage.setItem(prefix + key, value),
    removeItem: key => localStorage.removeItem(prefix + key),
    get length() { return ours().length; },
    clear: () => ours().forEach(key => localStorage.removeItem(key)),
  };
}

function render({ tabs, version }) {
  const first = tabs[0] || {};
  ReactDOM.createRoot(document.getElementById('graphiql')).render(React.createElement(GraphiQL, {
    fetcher,
    defaultEditorToolsVisibility: true,
    defaultTabs: tabs.length > 0 ? tabs : undefined,
    // GraphiQL fills its editors from these props, not from defaultTabs; and with tabs in storage it selects
    // the tab holding exactly these, or adds one, so a returning user finds the first example even after
    // editing or closing its tab. GraphiQL stores no headers (tokens stay out of localStorage): a first
    // example with headers would never match its stored tab and come back once more at every visit.
    query: first.query,
    variables: first.variables,
    headers: first.headers,
    storage: pageStorage(version),
  }));
}

fetch('examples.json')
  .then(response => (response.ok ? response.text() : Promise.reject(new Error(`HTTP ${response.status}`))))
  .then(text => ({ tabs: tabsOf(JSON.parse(text)), version: hashOf(text) }))
  .catch(error => {
    console.error(`no example tabs: examples.json could not be read (${error.message})`);
    return { tabs: [], version: 'none' };
  })
  .then(render);
