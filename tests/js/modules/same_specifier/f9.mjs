export default 9;
