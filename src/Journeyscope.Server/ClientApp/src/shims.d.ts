declare module 'cytoscape-elk' {
  const register: (cytoscape: unknown) => void;
  export default register;
}
