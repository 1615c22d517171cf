export default "pat-one";
