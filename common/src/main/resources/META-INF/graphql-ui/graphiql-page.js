// The GraphQL endpoint sits beside this page: <context-root>/graphql next to <context-root>/graphql-ui/
const fetcher = GraphiQL.createFetcher({ url: new URL('../graphql', document.baseURI).href });
ReactDOM.createRoot(document.getElementById('graphiql'))
  .render(React.createElement(GraphiQL, { fetcher, defaultEditorToolsVisibility: true }));
